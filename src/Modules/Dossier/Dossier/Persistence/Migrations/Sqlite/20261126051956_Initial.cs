using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Dossier.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_children",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    School = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_children", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_child_guardians",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_child_guardians", x => new { x.ChildId, x.FamilyAccountId });
                    table.ForeignKey(
                        name: "FK_dossier_child_guardians_dossier_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "dossier_children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_child_health",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HasPai = table.Column<bool>(type: "INTEGER", nullable: false),
                    Allergies = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DietaryNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_child_health", x => x.ChildId);
                    table.ForeignKey(
                        name: "FK_dossier_child_health_dossier_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "dossier_children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_internal_rules_signatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYear = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_internal_rules_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_internal_rules_signatures_dossier_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "dossier_children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_child_guardians_FamilyAccountId",
                table: "dossier_child_guardians",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_children_FamilyAccountId",
                table: "dossier_children",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_internal_rules_signatures_ChildId_SchoolYear",
                table: "dossier_internal_rules_signatures",
                columns: new[] { "ChildId", "SchoolYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_child_guardians");

            migrationBuilder.DropTable(
                name: "dossier_child_health");

            migrationBuilder.DropTable(
                name: "dossier_internal_rules_signatures");

            migrationBuilder.DropTable(
                name: "dossier_children");
        }
    }
}
