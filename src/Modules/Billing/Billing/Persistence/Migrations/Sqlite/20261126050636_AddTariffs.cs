using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Billing.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTariffs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_tariffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QuotientMin = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    QuotientMax = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_tariffs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_billing_tariffs_StructureId_ActivityCode_QuotientMin",
                table: "billing_tariffs",
                columns: new[] { "StructureId", "ActivityCode", "QuotientMin" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_tariffs");
        }
    }
}
