using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PortailFamille.Accounts.Contracts;
using PortailFamille.Accounts.Domain;
using PortailFamille.Accounts.Persistence;
using PortailFamille.BuildingBlocks.Results;
using PortailFamille.BuildingBlocks.Web;
using Wolverine.EntityFrameworkCore;

namespace PortailFamille.Accounts.Features;

internal sealed class CreateFamilyAccountValidator : AbstractValidator<CreateFamilyAccount>
{
    public CreateFamilyAccountValidator()
    {
        RuleFor(x => x.StructureId).NotEmpty().WithMessage("Choisissez la structure.");
        RuleFor(x => x.HolderFirstName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Le prénom du titulaire est obligatoire.")
            .MaximumLength(100).WithMessage("Le prénom ne doit pas dépasser 100 caractères.");
        RuleFor(x => x.HolderLastName).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("Le nom du titulaire est obligatoire.")
            .MaximumLength(100).WithMessage("Le nom ne doit pas dépasser 100 caractères.");
        RuleFor(x => x.Emails).Custom((value, context) =>
        {
            foreach (var error in EmailList.Parse(value).Errors) context.AddFailure("Emails", error);
        });
        RuleFor(x => x.StaffName).NotEmpty().WithMessage("L'agent auteur de la création est inconnu.");
    }
}

internal sealed class CreateFamilyAccountHandler(IDbContextOutbox<AccountsDbContext> outbox, PasswordHashing hashing, TimeProvider clock, PortalOptions portal)
    : ICommandHandler<CreateFamilyAccount, Result<CreatedFamilyAccount>>
{
    public async ValueTask<Result<CreatedFamilyAccount>> Handle(CreateFamilyAccount command, CancellationToken cancellationToken)
    {
        var db = outbox.DbContext;
        if (!await db.Structures.AnyAsync(s => s.Id == command.StructureId, cancellationToken)) return AccountErrors.UnknownStructure;
        if (command.LinkedToAccountId is { } linked && !await db.FamilyAccounts.AnyAsync(f => f.Id == linked, cancellationToken))
            return AccountErrors.UnknownLinkedAccount;

        var now = clock.GetUtcNow();
        var emails = EmailList.Parse(command.Emails).Addresses;
        var identifier = await FreeIdentifierAsync(db, command.HolderFirstName, command.HolderLastName, cancellationToken);
        var provisional = command.Delivery == CredentialDelivery.Letter ? ProvisionalPassword.Generate() : null;
        // By e-mail the parent chooses the password through the link; the random one is never told.
        var hash = hashing.Hash(provisional ?? ProvisionalPassword.Generate() + ProvisionalPassword.Generate());
        var account = FamilyAccount.Create(Guid.CreateVersion7(now), identifier, hash, command.HolderFirstName, command.HolderLastName,
            string.Join(";", emails), command.StructureId, mustChangePassword: true, now);
        db.FamilyAccounts.Add(account);

        if (command.Delivery == CredentialDelivery.Email)
        {
            var (link, token) = PasswordLink.Issue(account.Id, PasswordLinkReason.NewAccount, now);
            db.PasswordLinks.Add(link);
            await outbox.PublishAsync(new PasswordLinkIssued(link.Id, account.Id, account.Identifier,
                $"{account.HolderFirstName} {account.HolderLastName}", emails[0], PasswordLinks.Url(portal, token), link.ExpiresAt, PasswordLinkReason.NewAccount));
        }

        if (command.LinkedToAccountId is { } other)
            await outbox.PublishAsync(new FamilyAccountLinked(account.Id, other));

        db.AuditEntries.Add(AuditEntry.Record(now, command.StaffId, command.StaffName, AuditAction.FamilyAccountCreated, account.Id,
            $"Compte {account.Identifier} créé pour {account.HolderFirstName} {account.HolderLastName}, identifiants remis par "
            + (command.Delivery == CredentialDelivery.Letter ? "courrier" : $"courriel à {emails[0]}")
            + (command.LinkedToAccountId is null ? "." : ", lié aux enfants de l'autre parent.")));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        return new CreatedFamilyAccount(account.Id, account.Identifier, provisional);
    }

    /// <summary>"dupont.m", then "dupont.m2", "dupont.m3"…: readable on a letter, unique.</summary>
    private static async Task<string> FreeIdentifierAsync(AccountsDbContext db, string firstName, string lastName, CancellationToken ct)
    {
        var stem = $"{Slug(lastName)}.{Slug(firstName)[..1]}";
        var taken = await db.FamilyAccounts.Where(f => f.Identifier.StartsWith(stem)).Select(f => f.Identifier).ToListAsync(ct);
        if (!taken.Contains(stem)) return stem;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{stem}{n}")) return $"{stem}{n}";
    }

    private static string Slug(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var letters = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetterOrDigit(c)).ToArray();
        return letters.Length == 0 ? "famille" : new string(letters);
    }
}

/// <summary>A provisional password that meets the policy, without ambiguous characters (for a printed letter).</summary>
internal static class ProvisionalPassword
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static string Generate()
    {
        var chars = new List<char>
        {
            Lower[RandomNumberGenerator.GetInt32(Lower.Length)],
            Upper[RandomNumberGenerator.GetInt32(Upper.Length)],
            Digits[RandomNumberGenerator.GetInt32(Digits.Length)],
        };
        const string all = Lower + Upper + Digits;
        while (chars.Count < 12) chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
