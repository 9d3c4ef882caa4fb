using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCardPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_card_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProviderReference = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    PaidByEventId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_card_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "billing_card_payment_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardPaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WalletCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_card_payment_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_billing_card_payment_lines_billing_card_payments_CardPaymentId",
                        column: x => x.CardPaymentId,
                        principalTable: "billing_card_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_billing_card_payment_lines_CardPaymentId_WalletCode",
                table: "billing_card_payment_lines",
                columns: new[] { "CardPaymentId", "WalletCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_billing_card_payments_FamilyAccountId_CreatedAt",
                table: "billing_card_payments",
                columns: new[] { "FamilyAccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_billing_card_payments_ProviderReference",
                table: "billing_card_payments",
                column: "ProviderReference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_card_payment_lines");

            migrationBuilder.DropTable(
                name: "billing_card_payments");
        }
    }
}
