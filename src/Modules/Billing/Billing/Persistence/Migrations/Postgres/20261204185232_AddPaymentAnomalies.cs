using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddPaymentAnomalies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payment_anomalies",
                schema: "billing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderEventId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CardPaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ExpectedAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ReceivedAmountMinor = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedCurrency = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_anomalies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_payment_anomalies_card_payments_CardPaymentId",
                        column: x => x.CardPaymentId,
                        principalSchema: "billing",
                        principalTable: "card_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payment_anomalies_CardPaymentId",
                schema: "billing",
                table: "payment_anomalies",
                column: "CardPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_payment_anomalies_ProviderEventId",
                schema: "billing",
                table: "payment_anomalies",
                column: "ProviderEventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payment_anomalies_ReceivedAt",
                schema: "billing",
                table: "payment_anomalies",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payment_anomalies",
                schema: "billing");
        }
    }
}
