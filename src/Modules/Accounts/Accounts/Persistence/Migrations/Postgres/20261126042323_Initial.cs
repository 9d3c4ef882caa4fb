using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Accounts.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "accounts");

            migrationBuilder.CreateTable(
                name: "staff_members",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "structures",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Town = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_structures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_accounts",
                schema: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    HolderFirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HolderLastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Emails = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_family_accounts_structures_StructureId",
                        column: x => x.StructureId,
                        principalSchema: "accounts",
                        principalTable: "structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_family_accounts_Identifier",
                schema: "accounts",
                table: "family_accounts",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_family_accounts_StructureId",
                schema: "accounts",
                table: "family_accounts",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_members_Identifier",
                schema: "accounts",
                table: "staff_members",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_structures_Code",
                schema: "accounts",
                table: "structures",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_accounts",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "staff_members",
                schema: "accounts");

            migrationBuilder.DropTable(
                name: "structures",
                schema: "accounts");
        }
    }
}
