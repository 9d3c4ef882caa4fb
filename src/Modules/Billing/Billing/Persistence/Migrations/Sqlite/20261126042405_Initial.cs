using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_wallets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_wallets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "billing_ledger_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WalletId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ValueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PaymentMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PieceNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_ledger_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_billing_ledger_entries_billing_wallets_WalletId",
                        column: x => x.WalletId,
                        principalTable: "billing_wallets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_billing_ledger_entries_WalletId_ValueDate",
                table: "billing_ledger_entries",
                columns: new[] { "WalletId", "ValueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_billing_wallets_FamilyAccountId_Code",
                table: "billing_wallets",
                columns: new[] { "FamilyAccountId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_ledger_entries");

            migrationBuilder.DropTable(
                name: "billing_wallets");
        }
    }
}
