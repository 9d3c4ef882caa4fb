using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Reservations.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reservations");

            migrationBuilder.CreateTable(
                name: "activities",
                schema: "reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DayPart = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgeMin = table.Column<int>(type: "integer", nullable: true),
                    AgeMax = table.Column<int>(type: "integer", nullable: true),
                    WalletCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    WaitlistSize = table.Column<int>(type: "integer", nullable: false),
                    ArrivalSlots = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DepartureSlots = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    BillingMode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Weekdays = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "booking_periods",
                schema: "reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_booking_periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                schema: "reservations",
                columns: table => new
                {
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_feeds", x => x.FamilyAccountId);
                });

            migrationBuilder.CreateTable(
                name: "closures",
                schema: "reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_closures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "school_holidays",
                schema: "reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_school_holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                schema: "reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RefusalReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Arrival = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Departure = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    ConfirmationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TransmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attendance = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    AttendanceMarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bookings_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalSchema: "reservations",
                        principalTable: "activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cart_items",
                schema: "reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Arrival = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Departure = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cart_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cart_items_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalSchema: "reservations",
                        principalTable: "activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "day_slots",
                schema: "reservations",
                columns: table => new
                {
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    WaitlistSize = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    Waitlisted = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_day_slots", x => new { x.ActivityId, x.Day });
                    table.ForeignKey(
                        name: "FK_day_slots_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalSchema: "reservations",
                        principalTable: "activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activities_StructureId_Code",
                schema: "reservations",
                table: "activities",
                columns: new[] { "StructureId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_booking_periods_StructureId_StartsOn",
                schema: "reservations",
                table: "booking_periods",
                columns: new[] { "StructureId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_ActivityId_Day_Outcome_RequestedAt",
                schema: "reservations",
                table: "bookings",
                columns: new[] { "ActivityId", "Day", "Outcome", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_FamilyAccountId_Day",
                schema: "reservations",
                table: "bookings",
                columns: new[] { "FamilyAccountId", "Day" });

            migrationBuilder.CreateIndex(
                name: "ux_bookings_active_child_day",
                schema: "reservations",
                table: "bookings",
                columns: new[] { "ChildId", "ActivityId", "Day" },
                unique: true,
                filter: "\"Outcome\" IN ('Accepted', 'Waitlisted')");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_feeds_Token",
                schema: "reservations",
                table: "calendar_feeds",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cart_items_ActivityId",
                schema: "reservations",
                table: "cart_items",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_cart_items_FamilyAccountId_ChildId_ActivityId_Day",
                schema: "reservations",
                table: "cart_items",
                columns: new[] { "FamilyAccountId", "ChildId", "ActivityId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_closures_StructureId_Day",
                schema: "reservations",
                table: "closures",
                columns: new[] { "StructureId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_periods",
                schema: "reservations");

            migrationBuilder.DropTable(
                name: "bookings",
                schema: "reservations");

            migrationBuilder.DropTable(
                name: "calendar_feeds",
                schema: "reservations");

            migrationBuilder.DropTable(
                name: "cart_items",
                schema: "reservations");

            migrationBuilder.DropTable(
                name: "closures",
                schema: "reservations");

            migrationBuilder.DropTable(
                name: "day_slots",
                schema: "reservations");

            migrationBuilder.DropTable(
                name: "school_holidays",
                schema: "reservations");

            migrationBuilder.DropTable(
                name: "activities",
                schema: "reservations");
        }
    }
}
