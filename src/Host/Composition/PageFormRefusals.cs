using Microsoft.AspNetCore.Components.Endpoints;

namespace PortailFamille.Host.Composition;

/// <summary>
/// A form post a page refuses answers the French page with its 4xx status, in every environment. Blazor writes those
/// refusals itself (antiforgery token missing or wrong, no or an unknown form name, a body that is not a form): an
/// empty body with a content type already set, which UseStatusCodePages leaves alone, or English text in Development.
/// So while a page endpoint's status is an error, what it writes is held back, and the French page replaces it.
/// </summary>
internal sealed class PageFormRefusals(RequestDelegate next)
{
    public const string Message = "Le formulaire envoyé n'est pas valide ou a expiré. Rechargez la page et recommencez.";

    public async Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            await next(http);
            return;
        }

        var body = http.Response.Body;
        http.Response.Body = new ErrorBodyFilter(body, http.Response);
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body; // an exception goes on to PageExceptionHandler, which writes to the real body
        }

        if (http.Response.StatusCode >= 400 && !http.Response.HasStarted)
        {
            http.Response.Headers.ContentLength = null;
            await PageExceptionHandler.WriteFrenchPageAsync(http, http.Response.StatusCode, Message, http.RequestAborted);
        }
    }

    /// <summary>Passes the page through, but drops what is written (and flushed) while the status is an error and nothing is sent yet.</summary>
    private sealed class ErrorBodyFilter(Stream inner, HttpResponse response) : Stream
    {
        private bool Held => response.StatusCode >= 400 && !response.HasStarted;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!Held) inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Held ? Task.CompletedTask : inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Held ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

        public override void Flush()
        {
            if (!Held) inner.Flush();
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Held ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
