using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddLedgerSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                schema: "billing",
                table: "ledger_entries",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_SourceId",
                schema: "billing",
                table: "ledger_entries",
                column: "SourceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_SourceId",
                schema: "billing",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "SourceId",
                schema: "billing",
                table: "ledger_entries");
        }
    }
}
