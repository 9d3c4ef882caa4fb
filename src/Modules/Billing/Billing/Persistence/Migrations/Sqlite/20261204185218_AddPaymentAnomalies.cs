using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPaymentAnomalies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_payment_anomalies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderEventId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    CardPaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ExpectedAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ReceivedAmountMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedCurrency = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_payment_anomalies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_billing_payment_anomalies_billing_card_payments_CardPaymentId",
                        column: x => x.CardPaymentId,
                        principalTable: "billing_card_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_billing_payment_anomalies_CardPaymentId",
                table: "billing_payment_anomalies",
                column: "CardPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_billing_payment_anomalies_ProviderEventId",
                table: "billing_payment_anomalies",
                column: "ProviderEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_billing_payment_anomalies_ReceivedAt",
                table: "billing_payment_anomalies",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_payment_anomalies");
        }
    }
}
