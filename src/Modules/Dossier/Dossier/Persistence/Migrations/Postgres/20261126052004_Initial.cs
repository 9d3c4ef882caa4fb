using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Dossier.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "dossier");

            migrationBuilder.CreateTable(
                name: "children",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    School = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_children", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "child_guardians",
                schema: "dossier",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_guardians", x => new { x.ChildId, x.FamilyAccountId });
                    table.ForeignKey(
                        name: "FK_child_guardians_children_ChildId",
                        column: x => x.ChildId,
                        principalSchema: "dossier",
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "child_health",
                schema: "dossier",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    HasPai = table.Column<bool>(type: "boolean", nullable: false),
                    Allergies = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DietaryNeeds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_health", x => x.ChildId);
                    table.ForeignKey(
                        name: "FK_child_health_children_ChildId",
                        column: x => x.ChildId,
                        principalSchema: "dossier",
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "internal_rules_signatures",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolYear = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_internal_rules_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_internal_rules_signatures_children_ChildId",
                        column: x => x.ChildId,
                        principalSchema: "dossier",
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_child_guardians_FamilyAccountId",
                schema: "dossier",
                table: "child_guardians",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_children_FamilyAccountId",
                schema: "dossier",
                table: "children",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_internal_rules_signatures_ChildId_SchoolYear",
                schema: "dossier",
                table: "internal_rules_signatures",
                columns: new[] { "ChildId", "SchoolYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_guardians",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "child_health",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "internal_rules_signatures",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "children",
                schema: "dossier");
        }
    }
}
