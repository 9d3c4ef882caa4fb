using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Reservations.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reservations_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DayPart = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgeMin = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeMax = table.Column<int>(type: "INTEGER", nullable: true),
                    WalletCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    WaitlistSize = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrivalSlots = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DepartureSlots = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BillingMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Weekdays = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reservations_booking_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_booking_periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reservations_calendar_feeds",
                columns: table => new
                {
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_calendar_feeds", x => x.FamilyAccountId);
                });

            migrationBuilder.CreateTable(
                name: "reservations_closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_closures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reservations_school_holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_school_holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reservations_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Arrival = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Departure = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    ConfirmationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TransmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    AttendanceMarkedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reservations_bookings_reservations_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "reservations_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reservations_cart_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Arrival = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Departure = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_cart_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reservations_cart_items_reservations_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "reservations_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reservations_day_slots",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    WaitlistSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    Waitlisted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations_day_slots", x => new { x.ActivityId, x.Day });
                    table.ForeignKey(
                        name: "FK_reservations_day_slots_reservations_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "reservations_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reservations_activities_StructureId_Code",
                table: "reservations_activities",
                columns: new[] { "StructureId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reservations_booking_periods_StructureId_StartsOn",
                table: "reservations_booking_periods",
                columns: new[] { "StructureId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_reservations_bookings_ActivityId_Day_Outcome_RequestedAt",
                table: "reservations_bookings",
                columns: new[] { "ActivityId", "Day", "Outcome", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reservations_bookings_FamilyAccountId_Day",
                table: "reservations_bookings",
                columns: new[] { "FamilyAccountId", "Day" });

            migrationBuilder.CreateIndex(
                name: "ux_bookings_active_child_day",
                table: "reservations_bookings",
                columns: new[] { "ChildId", "ActivityId", "Day" },
                unique: true,
                filter: "\"Outcome\" IN ('Accepted', 'Waitlisted')");

            migrationBuilder.CreateIndex(
                name: "IX_reservations_calendar_feeds_Token",
                table: "reservations_calendar_feeds",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reservations_cart_items_ActivityId",
                table: "reservations_cart_items",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_reservations_cart_items_FamilyAccountId_ChildId_ActivityId_Day",
                table: "reservations_cart_items",
                columns: new[] { "FamilyAccountId", "ChildId", "ActivityId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reservations_closures_StructureId_Day",
                table: "reservations_closures",
                columns: new[] { "StructureId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reservations_booking_periods");

            migrationBuilder.DropTable(
                name: "reservations_bookings");

            migrationBuilder.DropTable(
                name: "reservations_calendar_feeds");

            migrationBuilder.DropTable(
                name: "reservations_cart_items");

            migrationBuilder.DropTable(
                name: "reservations_closures");

            migrationBuilder.DropTable(
                name: "reservations_day_slots");

            migrationBuilder.DropTable(
                name: "reservations_school_holidays");

            migrationBuilder.DropTable(
                name: "reservations_activities");
        }
    }
}
