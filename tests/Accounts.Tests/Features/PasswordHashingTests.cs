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

    [Fact]
    public async Task Past_the_waiting_limit_a_check_is_refused_at_once_instead_of_queued()
    {
        var hashing = new PasswordHashing(maxWaiting: 0);
        var hash = hashing.Hash("Bon-Mot2passe");

        // Every core busy with a check (~60 ms each) and no room to wait: the next one is refused at once.
        var refused = false;
        for (var attempt = 0; attempt < 20 && !refused; attempt++)
        {
            var holders = Enumerable.Range(0, Environment.ProcessorCount)
                .Select(_ => Task.Run(() => hashing.VerifyAsync(hash, "Bon-Mot2passe", CancellationToken.None))).ToArray();
            var spin = System.Diagnostics.Stopwatch.StartNew();
            while (hashing.FreeCores > 0 && spin.ElapsedMilliseconds < 2000) Thread.SpinWait(50);
            try
            {
                if (hashing.FreeCores == 0) await hashing.VerifyAsync(hash, "Bon-Mot2passe", CancellationToken.None);
            }
            catch (PasswordChecksSaturatedException)
            {
                refused = true;
            }
            Assert.All(await Task.WhenAll(holders), Assert.True); // those let in are answered normally
        }

        Assert.True(refused, "a check beyond the waiting limit was queued instead of refused");
        Assert.True(await hashing.VerifyAsync(hash, "Bon-Mot2passe", CancellationToken.None)); // and afterwards all is normal
    }
}
