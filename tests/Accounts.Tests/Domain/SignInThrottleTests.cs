using PortailFamille.Accounts.Domain;

namespace PortailFamille.Accounts.Tests.Domain;

public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2024, 9, 2, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Four_failures_do_not_lock()
    {
        var throttle = SignInThrottle.For("famille01", T0);
        for (var i = 0; i < 4; i++) Assert.False(throttle.RecordFailure(T0.AddMinutes(i)));
        Assert.False(throttle.IsLocked(T0.AddMinutes(4)));
    }

    [Fact]
    public void The_fifth_failure_within_fifteen_minutes_locks_for_fifteen_minutes()
    {
        var throttle = SignInThrottle.For("famille01", T0);
        for (var i = 0; i < 4; i++) throttle.RecordFailure(T0.AddMinutes(i * 3));

        Assert.True(throttle.RecordFailure(T0.AddMinutes(14)));
        Assert.True(throttle.IsLocked(T0.AddMinutes(14)));
        Assert.True(throttle.IsLocked(T0.AddMinutes(28).AddSeconds(59)));
        Assert.False(throttle.IsLocked(T0.AddMinutes(29)));
    }

    [Fact]
    public void Failures_spread_over_more_than_fifteen_minutes_do_not_lock()
    {
        var throttle = SignInThrottle.For("famille01", T0);
        for (var i = 0; i < 4; i++) throttle.RecordFailure(T0.AddMinutes(i));

        // The window started at T0: 15 minutes and 1 second later the count starts again.
        Assert.False(throttle.RecordFailure(T0.AddMinutes(15).AddSeconds(1)));
        Assert.False(throttle.IsLocked(T0.AddMinutes(16)));
    }

    [Fact]
    public void After_the_lock_expires_the_count_starts_again()
    {
        var throttle = SignInThrottle.For("famille01", T0);
        for (var i = 0; i < 5; i++) throttle.RecordFailure(T0);

        Assert.False(throttle.RecordFailure(T0.AddMinutes(15)));
        Assert.False(throttle.IsLocked(T0.AddMinutes(15)));
    }

    [Fact]
    public void A_reset_lifts_the_lock()
    {
        var throttle = SignInThrottle.For("famille01", T0);
        for (var i = 0; i < 5; i++) throttle.RecordFailure(T0);

        throttle.Reset(T0.AddMinutes(1));

        Assert.False(throttle.IsLocked(T0.AddMinutes(1)));
        Assert.Equal(0, throttle.Failures);
    }
}
