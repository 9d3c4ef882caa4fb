using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Dossier.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DossierFamilleForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_campaigns",
                columns: table => new
                {
                    SchoolYear = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_campaigns", x => x.SchoolYear);
                });

            migrationBuilder.CreateTable(
                name: "dossier_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_doctors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_doctors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_family_quotients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferenceIncome = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Parts = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Quotient = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_family_quotients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_form_audit",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_form_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_forms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ValuesJson = table.Column<string>(type: "TEXT", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_insurers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_insurers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "dossier_child_contacts",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MayPickUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmergencyCall = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_child_contacts", x => new { x.ChildId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_dossier_child_contacts_dossier_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "dossier_children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_dossier_child_contacts_dossier_contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "dossier_contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossier_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FormId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Piece = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_documents_dossier_forms_FormId",
                        column: x => x.FormId,
                        principalTable: "dossier_forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_child_contacts_ContactId",
                table: "dossier_child_contacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_contacts_FamilyAccountId",
                table: "dossier_contacts",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_doctors_Name",
                table: "dossier_doctors",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossier_documents_FamilyAccountId",
                table: "dossier_documents",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_documents_FormId_Piece",
                table: "dossier_documents",
                columns: new[] { "FormId", "Piece" });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_family_quotients_FamilyAccountId_Year",
                table: "dossier_family_quotients",
                columns: new[] { "FamilyAccountId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossier_form_audit_FamilyAccountId",
                table: "dossier_form_audit",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_form_audit_FormId",
                table: "dossier_form_audit",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_forms_FamilyAccountId",
                table: "dossier_forms",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_forms_Status",
                table: "dossier_forms",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_forms_SubjectId_Kind",
                table: "dossier_forms",
                columns: new[] { "SubjectId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossier_insurers_Name",
                table: "dossier_insurers",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_campaigns");

            migrationBuilder.DropTable(
                name: "dossier_child_contacts");

            migrationBuilder.DropTable(
                name: "dossier_doctors");

            migrationBuilder.DropTable(
                name: "dossier_documents");

            migrationBuilder.DropTable(
                name: "dossier_family_quotients");

            migrationBuilder.DropTable(
                name: "dossier_form_audit");

            migrationBuilder.DropTable(
                name: "dossier_insurers");

            migrationBuilder.DropTable(
                name: "dossier_contacts");

            migrationBuilder.DropTable(
                name: "dossier_forms");
        }
    }
}
