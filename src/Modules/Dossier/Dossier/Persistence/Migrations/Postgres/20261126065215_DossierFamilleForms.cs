using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PortailFamille.Dossier.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DossierFamilleForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaigns",
                schema: "dossier",
                columns: table => new
                {
                    SchoolYear = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.SchoolYear);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "doctors",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doctors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "family_quotients",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReferenceIncome = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Parts = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Quotient = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ComputedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_family_quotients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "form_audit",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_form_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "forms",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ValuesJson = table.Column<string>(type: "text", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_forms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "insurers",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insurers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "child_contacts",
                schema: "dossier",
                columns: table => new
                {
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MayPickUp = table.Column<bool>(type: "boolean", nullable: false),
                    EmergencyCall = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_contacts", x => new { x.ChildId, x.ContactId });
                    table.ForeignKey(
                        name: "FK_child_contacts_children_ChildId",
                        column: x => x.ChildId,
                        principalSchema: "dossier",
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_child_contacts_contacts_ContactId",
                        column: x => x.ContactId,
                        principalSchema: "dossier",
                        principalTable: "contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                schema: "dossier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FormId = table.Column<Guid>(type: "uuid", nullable: false),
                    FamilyAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Piece = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_documents_forms_FormId",
                        column: x => x.FormId,
                        principalSchema: "dossier",
                        principalTable: "forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_child_contacts_ContactId",
                schema: "dossier",
                table: "child_contacts",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_contacts_FamilyAccountId",
                schema: "dossier",
                table: "contacts",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_doctors_Name",
                schema: "dossier",
                table: "doctors",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_documents_FamilyAccountId",
                schema: "dossier",
                table: "documents",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_FormId_Piece",
                schema: "dossier",
                table: "documents",
                columns: new[] { "FormId", "Piece" });

            migrationBuilder.CreateIndex(
                name: "IX_family_quotients_FamilyAccountId_Year",
                schema: "dossier",
                table: "family_quotients",
                columns: new[] { "FamilyAccountId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_form_audit_FamilyAccountId",
                schema: "dossier",
                table: "form_audit",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_form_audit_FormId",
                schema: "dossier",
                table: "form_audit",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_FamilyAccountId",
                schema: "dossier",
                table: "forms",
                column: "FamilyAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_forms_Status",
                schema: "dossier",
                table: "forms",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_forms_SubjectId_Kind",
                schema: "dossier",
                table: "forms",
                columns: new[] { "SubjectId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insurers_Name",
                schema: "dossier",
                table: "insurers",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaigns",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "child_contacts",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "doctors",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "documents",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "family_quotients",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "form_audit",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "insurers",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "contacts",
                schema: "dossier");

            migrationBuilder.DropTable(
                name: "forms",
                schema: "dossier");
        }
    }
}
