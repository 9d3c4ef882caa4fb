using PortailFamille.Accounts.Features;

namespace PortailFamille.Accounts.Tests.Features;

public sealed class PasswordHashingTests
{
    [Fact]
    public async Task Many_concurrent_checks_each_get_their_own_answer()
    {
        var hashing = new PasswordHashing();
        var hash = hashing.Hash("Bon-Mot2passe");

        // More checks than cores: those over the limit wait their turn, none is lost or mixed up.
        var checks = Enumerable.Range(0, Environment.ProcessorCount * 4)
            .Select(i => hashing.VerifyAsync(hash, i % 2 == 0 ? "Bon-Mot2passe" : "Mauvais-1", CancellationToken.None))
            .ToList();
        var answers = await Task.WhenAll(checks);

        Assert.All(answers.Where((_, i) => i % 2 == 0), Assert.True);
        Assert.All(answers.Where((_, i) => i % 2 == 1), Assert.False);
    }

    [Fact]
    public async Task A_cancelled_wait_does_not_keep_a_core()
    {
        var hashing = new PasswordHashing();
        var hash = hashing.Hash("Bon-Mot2passe");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hashing.VerifyAsync(hash, "Bon-Mot2passe", cancelled.Token));
        await hashing.VerifyAgainstDummyAsync("Bon-Mot2passe", CancellationToken.None);
        Assert.True(await hashing.VerifyAsync(hash, "Bon-Mot2passe", CancellationToken.None));
    }
}
