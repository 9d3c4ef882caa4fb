using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddBookingCharges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "booking_charges",
                schema: "billing",
                columns: table => new
                {
                    BookingId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    WalletCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LastMarkAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Charged = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_booking_charges", x => x.BookingId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_charges",
                schema: "billing");
        }
    }
}
