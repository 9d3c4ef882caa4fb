using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCardPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "card_payments",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Gateway = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProviderReference = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    PaidByEventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    PayerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_card_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "card_payment_lines",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CardPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    WalletCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_card_payment_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_card_payment_lines_card_payments_CardPaymentId",
                        column: x => x.CardPaymentId,
                        principalSchema: "billing",
                        principalTable: "card_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_card_payment_lines_CardPaymentId_WalletCode",
                schema: "billing",
                table: "card_payment_lines",
                columns: new[] { "CardPaymentId", "WalletCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_card_payments_FamilyAccountId_CreatedAt",
                schema: "billing",
                table: "card_payments",
                columns: new[] { "FamilyAccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_card_payments_ProviderReference",
                schema: "billing",
                table: "card_payments",
                column: "ProviderReference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "card_payment_lines",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "card_payments",
                schema: "billing");
        }
    }
}
