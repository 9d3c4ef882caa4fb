using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddBookingCharges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_booking_charges",
                columns: table => new
                {
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WalletCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastMarkAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Charged = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_booking_charges", x => x.BookingId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_booking_charges");
        }
    }
}
