using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PortailFamille.Integration.Tests;

/// <summary>
/// A real SMTP server in the test process (SmtpServer package) on 127.0.0.1 and a free port: mails sent by
/// MailKit land in <see cref="Messages"/>. Port 0 is bound by the server itself and read back from
/// EndpointStarted, so no other process can take the port between choosing and listening.
/// Recipients whose address starts with "refuse" are refused (550), as a real server refuses an unknown
/// mailbox; <c>acceptDelay</c> makes each transaction wait before MAIL FROM is accepted (a slow server:
/// a client killed during that wait has delivered nothing).
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CapturingStore _store;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private TestSmtpServer(int port, Task running, CapturingStore store, CancellationTokenSource stop)
    {
        Port = port;
        _running = running;
        _store = store;
        _stop = stop;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Every message received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<MimeMessage> Messages => _store.Snapshot();

    public static async Task<TestSmtpServer> StartAsync(TimeSpan? startTimeout = null, int port = 0, TimeSpan? acceptDelay = null)
    {
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();

        var store = new CapturingStore();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(store);
        services.Add(new Filter(acceptDelay ?? TimeSpan.Zero));

        var stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        // StartAsync completes only when the server stops: keep it running in the background.
        var running = server.StartAsync(stop.Token);

        var first = await Task.WhenAny(started.Task, running, Task.Delay(startTimeout ?? TimeSpan.FromSeconds(10)));
        if (first != started.Task)
        {
            await stop.CancelAsync();
            if (running.IsFaulted) await running; // rethrows why the server did not start
            throw new TimeoutException("The test SMTP server did not start listening.");
        }

        return new TestSmtpServer(await started.Task, running, store, stop);
    }

    /// <summary>The first message (already received or still to come) that matches, or a TimeoutException.</summary>
    public Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan timeout) =>
        _store.WaitForAsync(match, timeout);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // The normal end of StartAsync when its token is cancelled.
        }
        _stop.Dispose();
    }

    private sealed class Filter(TimeSpan acceptDelay) : MailboxFilter
    {
        public override async Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken)
        {
            if (acceptDelay > TimeSpan.Zero) await Task.Delay(acceptDelay, cancellationToken);
            return true;
        }

        public override Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!to.User.StartsWith("refuse", StringComparison.OrdinalIgnoreCase));
    }

    private sealed class CapturingStore : MessageStore
    {
        private readonly object _gate = new();
        private readonly List<MimeMessage> _messages = [];
        private readonly List<(Func<MimeMessage, bool> Match, TaskCompletionSource<MimeMessage> Done)> _waiters = [];

        public override async Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);

            List<TaskCompletionSource<MimeMessage>> satisfied = [];
            lock (_gate)
            {
                _messages.Add(message);
                foreach (var waiter in _waiters.Where(w => w.Match(message)).ToList())
                {
                    _waiters.Remove(waiter);
                    satisfied.Add(waiter.Done);
                }
            }
            foreach (var done in satisfied) done.TrySetResult(message);

            return SmtpServer.Protocol.SmtpResponse.Ok;
        }

        public IReadOnlyList<MimeMessage> Snapshot()
        {
            lock (_gate) return _messages.ToArray();
        }

        public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
        {
            var done = new TaskCompletionSource<MimeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiter = (match, done);
            lock (_gate)
            {
                var already = _messages.FirstOrDefault(match);
                if (already is not null) return already;
                _waiters.Add(waiter);
            }

            try
            {
                return await done.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                lock (_gate) _waiters.Remove(waiter);
                var received = string.Join(", ", Snapshot().Select(m => $"« {m.Subject} » to {m.To}"));
                throw new TimeoutException($"No matching mail within {timeout}; received: [{received}].");
            }
        }
    }
}
