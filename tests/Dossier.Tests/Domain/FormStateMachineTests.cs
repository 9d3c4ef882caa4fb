using PortailFamille.Dossier.Contracts;
using PortailFamille.Dossier.Domain;

namespace PortailFamille.Dossier.Tests.Domain;

public sealed class FormStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2024, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Family = Guid.NewGuid();

    private static Dictionary<string, string?> Insurance() => new()
    {
        ["insurer"] = "MAIF", ["contractNumber"] = "123456", ["expiryDate"] = "2025-08-31",
    };

    private static Form NewInsurance() => Form.Create(Family, Guid.NewGuid(), FormKind.Insurance, Now);

    private static Form Submitted()
    {
        var form = NewInsurance();
        form.Submit(Insurance(), swornStatement: true, "Jean-Paul DUPONT", "Jean-Paul DUPONT", Now).ThrowIfFailure();
        return form;
    }

    [Fact]
    public void Changing_the_documents_of_a_validated_fiche_asks_for_a_new_transmission_and_a_transmitted_one_is_locked()
    {
        var form = Submitted();
        Assert.False(form.ChangeDocuments(Now).IsSuccess);
        Assert.Equal(FormStatus.Submitted, form.Status);

        form.Validate("Claire MARTIN", Now).ThrowIfFailure();
        Assert.True(form.ChangeDocuments(Now).IsSuccess);
        Assert.Equal(FormStatus.Draft, form.Status);
    }

    [Fact]
    public void A_new_form_is_to_fill_and_a_draft_needs_no_required_field()
    {
        var form = NewInsurance();
        Assert.Equal(FormStatus.ToFill, form.Status);

        Assert.True(form.SaveDraft(new Dictionary<string, string?> { ["insurer"] = "MAIF" }, Now).IsSuccess);
        Assert.Equal(FormStatus.Draft, form.Status);
        Assert.Equal("MAIF", form.Values["insurer"]);
    }

    [Fact]
    public void Transmission_requires_every_starred_field_the_sworn_statement_and_the_name()
    {
        var form = NewInsurance();
        var result = form.Submit(new Dictionary<string, string?> { ["insurer"] = "MAIF" }, swornStatement: false, " ", "x", Now);

        Assert.Equal("validation.failed", result.Error!.Code);
        Assert.Equal(["contractNumber", "expiryDate", "signer", "sworn"], result.Error.Fields.Keys.Order());
        Assert.Equal(FormStatus.ToFill, form.Status);
    }

    [Fact]
    public void A_transmitted_form_is_read_only()
    {
        var form = Submitted();

        Assert.Equal(FormStatus.Submitted, form.Status);
        Assert.Equal("dossier.form_submitted", form.SaveDraft(Insurance(), Now).Error!.Code);
        Assert.Equal("dossier.form_submitted", form.Submit(Insurance(), true, "Jean-Paul DUPONT", "x", Now).Error!.Code);
    }

    [Fact]
    public void Staff_validate_a_transmitted_form()
    {
        var form = Submitted();

        Assert.True(form.Validate("Claire MARTIN", Now).IsSuccess);
        Assert.Equal(FormStatus.Validated, form.Status);
        Assert.Equal("Claire MARTIN", form.ReviewedBy);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_the_family_may_then_correct_and_transmit_again()
    {
        var form = Submitted();
        Assert.Equal("validation.failed", form.Reject("  ", "Claire MARTIN", Now).Error!.Code);
        Assert.Equal(FormStatus.Submitted, form.Status);

        Assert.True(form.Reject("L'attestation d'assurance manque.", "Claire MARTIN", Now).IsSuccess);
        Assert.Equal(FormStatus.Rejected, form.Status);
        Assert.Equal("L'attestation d'assurance manque.", form.RejectionReason);

        Assert.True(form.SaveDraft(Insurance(), Now).IsSuccess);
        Assert.Equal(FormStatus.Draft, form.Status);
        Assert.Null(form.RejectionReason);
        Assert.True(form.Submit(Insurance(), true, "Jean-Paul DUPONT", "Jean-Paul DUPONT", Now).IsSuccess);
        Assert.Equal(FormStatus.Submitted, form.Status);
    }

    [Fact]
    public void Only_a_transmitted_form_can_be_validated_or_rejected()
    {
        var toFill = NewInsurance();
        Assert.Equal("dossier.form_not_submitted", toFill.Validate("Claire MARTIN", Now).Error!.Code);
        Assert.Equal("dossier.form_not_submitted", toFill.Reject("motif", "Claire MARTIN", Now).Error!.Code);

        var draft = NewInsurance();
        draft.SaveDraft(Insurance(), Now).ThrowIfFailure();
        Assert.Equal("dossier.form_not_submitted", draft.Validate("Claire MARTIN", Now).Error!.Code);

        var validated = Submitted();
        validated.Validate("Claire MARTIN", Now).ThrowIfFailure();
        Assert.Equal("dossier.form_not_submitted", validated.Validate("Claire MARTIN", Now).Error!.Code);
        Assert.Equal("dossier.form_not_submitted", validated.Reject("motif", "Claire MARTIN", Now).Error!.Code);
        Assert.Equal(FormStatus.Validated, validated.Status);
    }

    [Fact]
    public void A_new_campaign_moves_only_validated_forms_to_update()
    {
        var validated = Submitted();
        validated.Validate("Claire MARTIN", Now).ThrowIfFailure();
        Assert.True(validated.MarkToUpdate(Now).IsSuccess);
        Assert.Equal(FormStatus.ToUpdate, validated.Status);

        Assert.Equal("dossier.form_not_validated", Submitted().MarkToUpdate(Now).Error!.Code);
        Assert.Equal("dossier.form_not_validated", NewInsurance().MarkToUpdate(Now).Error!.Code);
        Assert.Equal("dossier.form_not_validated", validated.MarkToUpdate(Now).Error!.Code);
    }

    [Fact]
    public void A_form_to_update_is_transmitted_again_with_last_year_values()
    {
        var form = Submitted();
        form.Validate("Claire MARTIN", Now).ThrowIfFailure();
        form.MarkToUpdate(Now).ThrowIfFailure();

        Assert.True(form.Submit(form.Values, true, "Jean-Paul DUPONT", "Jean-Paul DUPONT", Now).IsSuccess);
        Assert.Equal(FormStatus.Submitted, form.Status);
    }

    [Fact]
    public void Parental_consents_default_to_yes()
    {
        var form = Form.Create(Family, Guid.NewGuid(), FormKind.ParentalConsents, Now);

        Assert.All(FormDefinitions.Fields(FormKind.ParentalConsents), f => Assert.Equal(FormDefinitions.Yes, form.Values[f.Key]));
    }

    [Fact]
    public void Formats_are_checked_even_in_a_draft()
    {
        var form = Form.Create(Family, null, FormKind.AccountHolder, Now);
        var result = form.SaveDraft(new Dictionary<string, string?> { ["email"] = "pas-une-adresse", ["postalCode"] = "3361", ["mobilePhone"] = "abc" }, Now);

        Assert.Equal(["email", "mobilePhone", "postalCode"], result.Error!.Fields.Keys.Order());
    }

    [Fact]
    public void Another_guardian_needs_a_name_and_a_phone_only_when_there_is_one()
    {
        var none = Form.Create(Family, null, FormKind.OtherGuardian, Now);
        Assert.True(none.Submit(new Dictionary<string, string?> { ["hasOther"] = "non" }, true, "Jean-Paul DUPONT", "x", Now).IsSuccess);

        var other = Form.Create(Family, null, FormKind.OtherGuardian, Now);
        var result = other.Submit(new Dictionary<string, string?> { ["hasOther"] = "oui" }, true, "Jean-Paul DUPONT", "x", Now);
        Assert.Equal(["firstName", "lastName", "mobilePhone"], result.Error!.Fields.Keys.Order());
    }

    [Fact]
    public void The_internal_rules_box_must_be_ticked()
    {
        var form = Form.Create(Family, Guid.NewGuid(), FormKind.InternalRules, Now);

        Assert.Equal(["acknowledged"], form.Submit(new Dictionary<string, string?>(), true, "Jean-Paul DUPONT", "x", Now).Error!.Fields.Keys);
        Assert.True(form.Submit(new Dictionary<string, string?> { ["acknowledged"] = "oui" }, true, "Jean-Paul DUPONT", "x", Now).IsSuccess);
    }

    [Fact]
    public void The_quotient_is_the_reference_income_over_twelve_over_the_parts()
    {
        Assert.Equal(1040m, FamilyQuotient.Compute(31_200m, 2.5m));
        Assert.Equal(833.33m, FamilyQuotient.Compute(20_000m, 2m));
        var q = FamilyQuotient.Record(Family, 2025, 20_000m, 2m, "Claire MARTIN", Now);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (q.ValidFrom, q.ValidTo));
    }
}
