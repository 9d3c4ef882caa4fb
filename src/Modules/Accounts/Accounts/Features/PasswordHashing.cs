using Microsoft.AspNetCore.Identity;

namespace PortailFamille.Accounts.Features;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 hasher (salted, slow); shared by sign-in and seeding. A check costs tens
/// of milliseconds of CPU: checks run one per core and the others wait their turn without holding a thread
/// (the bench showed a rush of sign-ins starving the thread pool, so every other request waited too). The
/// wait is the same whatever the account: timing still tells nothing. Past <see cref="MaxWaiting"/> waiting
/// checks (128 per core: about 7 s of work at 55–60 ms a check), a new one is refused at once
/// (<see cref="PasswordChecksSaturatedException"/>, a 503 « réessayez »): a parent in a rush of 200 waits a
/// few seconds and gets in; at an opening where more arrive than the cores can check, those let in still
/// get in within seconds and the others are told to retry instead of waiting until their browser gives up.
/// (At 32 per core, about 2 s, the 200-parent rush turned 204 parents away six times in a row.)
/// </summary>
internal sealed class PasswordHashing(int maxWaiting)
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new object(), "Dummy-Password-1"));
    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private int _waiting;

    public PasswordHashing() : this(Environment.ProcessorCount * 128)
    {
    }

    public int MaxWaiting { get; } = maxWaiting;

    internal int FreeCores => _cores.CurrentCount;

    public async Task<bool> VerifyAsync(string hash, string password, CancellationToken ct)
    {
        await EnterAsync(ct);
        try
        {
            return Verify(hash, password);
        }
        finally
        {
            _cores.Release();
        }
    }

    public async Task VerifyAgainstDummyAsync(string password, CancellationToken ct)
    {
        await EnterAsync(ct);
        try
        {
            VerifyAgainstDummy(password);
        }
        finally
        {
            _cores.Release();
        }
    }

    private async Task EnterAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_cores.Wait(0)) return; // a core is free
        if (Interlocked.Increment(ref _waiting) > MaxWaiting)
        {
            Interlocked.Decrement(ref _waiting);
            throw new PasswordChecksSaturatedException();
        }

        try
        {
            await _cores.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public string Hash(string password) => Hasher.HashPassword(new object(), password);

    public bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(new object(), hash, password) != PasswordVerificationResult.Failed;

    public void VerifyAgainstDummy(string password) => Hasher.VerifyHashedPassword(new object(), DummyHash.Value, password);
}

internal sealed class PasswordChecksSaturatedException() : Exception("Too many password checks waiting: sign-in refused for a moment.");
