using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddLedgerSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "billing_ledger_entries",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_billing_ledger_entries_SourceId",
                table: "billing_ledger_entries",
                column: "SourceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_billing_ledger_entries_SourceId",
                table: "billing_ledger_entries");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "billing_ledger_entries");
        }
    }
}
