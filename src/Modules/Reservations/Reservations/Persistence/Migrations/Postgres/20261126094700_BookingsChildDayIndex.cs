using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Reservations.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BookingsChildDayIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_bookings_ChildId_Day",
                schema: "reservations",
                table: "bookings",
                columns: new[] { "ChildId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookings_ChildId_Day",
                schema: "reservations",
                table: "bookings");
        }
    }
}
