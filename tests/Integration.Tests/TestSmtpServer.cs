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
/// a client killed during that wait has delivered nothing). <see cref="HoldClient"/> keeps a given client's
/// transactions waiting there for good, so a test can kill that client at a moment when it has delivered nothing.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CapturingStore _store;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private readonly Filter _filter;

    private TestSmtpServer(int port, Task running, CapturingStore store, CancellationTokenSource stop, Filter filter)
    {
        _filter = filter;
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
        var filter = new Filter(acceptDelay ?? TimeSpan.Zero);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(store);
        services.Add(filter);

        var stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        // The name each client gives in EHLO/HELO, kept on its session for the filter.
        server.SessionCreated += (_, session) => session.Context.CommandExecuting += (_, e) =>
        {
            if (e.Command is SmtpServer.Protocol.EhloCommand ehlo) e.Context.Properties[ClientNameKey] = ehlo.DomainOrAddress;
            else if (e.Command is SmtpServer.Protocol.HeloCommand helo) e.Context.Properties[ClientNameKey] = helo.DomainOrAddress;
        };
        // StartAsync completes only when the server stops: keep it running in the background.
        var running = server.StartAsync(stop.Token);

        var first = await Task.WhenAny(started.Task, running, Task.Delay(startTimeout ?? TimeSpan.FromSeconds(10)));
        if (first != started.Task)
        {
            await stop.CancelAsync();
            if (running.IsFaulted) await running; // rethrows why the server did not start
            throw new TimeoutException("The test SMTP server did not start listening.");
        }

        return new TestSmtpServer(await started.Task, running, store, stop, filter);
    }

    private const string ClientNameKey = "test:client-name";

    /// <summary>
    /// From now on, the transactions of the client that says EHLO <paramref name="clientName"/> wait at MAIL FROM
    /// until the server stops, after the first <paramref name="letThrough"/> ones. Completes when one is held.
    /// </summary>
    public Task HoldClient(string clientName, int letThrough = 0) => _filter.Hold(clientName, letThrough);

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
        private readonly object _gate = new();
        private (string Client, int LetThrough, TaskCompletionSource Held)? _hold;

        public Task Hold(string client, int letThrough)
        {
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate) _hold = (client, letThrough, held);
            return held.Task;
        }

        public override async Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken)
        {
            if (acceptDelay > TimeSpan.Zero) await Task.Delay(acceptDelay, cancellationToken);
            TaskCompletionSource? held = null;
            lock (_gate)
            {
                if (_hold is { } hold && context.Properties.TryGetValue(ClientNameKey, out var name) && Equals(name, hold.Client))
                {
                    if (hold.LetThrough > 0) _hold = hold with { LetThrough = hold.LetThrough - 1 };
                    else held = hold.Held;
                }
            }
            if (held is not null)
            {
                held.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
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
