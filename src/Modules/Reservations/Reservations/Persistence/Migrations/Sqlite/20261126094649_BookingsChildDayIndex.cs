using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Reservations.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BookingsChildDayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_reservations_bookings_ChildId_Day",
                table: "reservations_bookings",
                columns: new[] { "ChildId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reservations_bookings_ChildId_Day",
                table: "reservations_bookings");
        }
    }
}
