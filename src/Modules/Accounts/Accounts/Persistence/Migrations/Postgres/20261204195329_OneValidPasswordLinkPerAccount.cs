using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Accounts.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneValidPasswordLinkPerAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Links left valid side by side by concurrent requests before this index: the newest of each account stays valid.
            migrationBuilder.Sql(@"UPDATE ""accounts"".""password_links"" SET ""RevokedAt"" = ""CreatedAt""
                WHERE ""UsedAt"" IS NULL AND ""RevokedAt"" IS NULL
                  AND EXISTS (SELECT 1 FROM ""accounts"".""password_links"" AS newer
                              WHERE newer.""AccountId"" = ""accounts"".""password_links"".""AccountId"" AND newer.""UsedAt"" IS NULL AND newer.""RevokedAt"" IS NULL
                                AND (newer.""CreatedAt"" > ""accounts"".""password_links"".""CreatedAt"" OR (newer.""CreatedAt"" = ""accounts"".""password_links"".""CreatedAt"" AND newer.""Id"" > ""accounts"".""password_links"".""Id"")))");

            migrationBuilder.CreateIndex(
                name: "IX_password_links_one_valid_per_account",
                schema: "accounts",
                table: "password_links",
                column: "AccountId",
                unique: true,
                filter: "\"UsedAt\" IS NULL AND \"RevokedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_password_links_one_valid_per_account",
                schema: "accounts",
                table: "password_links");
        }
    }
}
