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
                name: "accounts_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubjectAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts_sign_in_throttles",
                columns: table => new
                {
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_sign_in_throttles", x => x.Identifier);
                });

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
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "accounts_consents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_consents_accounts_family_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts_family_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts_password_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts_password_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_password_links_accounts_family_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts_family_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_audit_entries_At",
                table: "accounts_audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_consents_AccountId_Document_Version",
                table: "accounts_consents",
                columns: new[] { "AccountId", "Document", "Version" },
                unique: true);

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
                name: "IX_accounts_password_links_AccountId",
                table: "accounts_password_links",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_password_links_TokenHash",
                table: "accounts_password_links",
                column: "TokenHash",
                unique: true);

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
                name: "accounts_audit_entries");

            migrationBuilder.DropTable(
                name: "accounts_consents");

            migrationBuilder.DropTable(
                name: "accounts_password_links");

            migrationBuilder.DropTable(
                name: "accounts_sign_in_throttles");

            migrationBuilder.DropTable(
                name: "accounts_staff_members");

            migrationBuilder.DropTable(
                name: "accounts_family_accounts");

            migrationBuilder.DropTable(
                name: "accounts_structures");
        }
    }
}
