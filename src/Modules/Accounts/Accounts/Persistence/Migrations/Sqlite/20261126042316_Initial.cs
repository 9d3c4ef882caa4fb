using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Accounts.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts_staff_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_staff_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_structures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Town = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_structures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_family_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HolderFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HolderLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Emails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_family_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_family_accounts_accounts_structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "accounts_structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_family_accounts_Identifier",
                table: "accounts_family_accounts",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_family_accounts_StructureId",
                table: "accounts_family_accounts",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_staff_members_Identifier",
                table: "accounts_staff_members",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_structures_Code",
                table: "accounts_structures",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts_family_accounts");

            migrationBuilder.DropTable(
                name: "accounts_staff_members");

            migrationBuilder.DropTable(
                name: "accounts_structures");
        }
    }
}
