using System.Globalization;
using System.Text;

namespace PortailFamille.Host.Exports;

/// <summary>
/// A small A4 PDF writer for tabular exports: Helvetica (one of the 14 standard fonts, nothing to
/// embed) in WinAnsi encoding, which covers French accents and the euro sign. Lines that do not fit
/// flow onto new pages.
/// </summary>
internal sealed class SimplePdf
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 40, LineHeight = 14;
    private static readonly Encoding WinAnsi = CodePagesEncoding();
    private readonly List<List<(double X, double Y, double Size, bool Bold, string Text)>> _pages = [[]];
    private double _y = PageHeight - Margin;

    public void Title(string text) => Line([(0, text)], size: 14, bold: true, extra: 6);

    /// <summary>A row of cells; <paramref name="columns"/> gives each cell's left edge in points from the margin.</summary>
    public void Row(IReadOnlyList<double> columns, IReadOnlyList<string> cells, bool bold = false) =>
        Line(cells.Select((c, i) => (columns[i], c)).ToList(), size: 9, bold: bold);

    private void Line(IReadOnlyList<(double X, string Text)> cells, double size, bool bold, double extra = 0)
    {
        if (_y < Margin + LineHeight)
        {
            _pages.Add([]);
            _y = PageHeight - Margin;
        }

        foreach (var (x, text) in cells) _pages[^1].Add((Margin + x, _y, size, bold, text));
        _y -= LineHeight + extra;
    }

    public byte[] ToBytes()
    {
        var objects = new List<byte[]>();
        // 1 catalog, 2 pages, 3 regular font, 4 bold font, then per page: page object + content stream.
        var pageIds = Enumerable.Range(0, _pages.Count).Select(i => 5 + i * 2).ToList();
        objects.Add(Ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.Add(Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {_pages.Count} >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
        for (var i = 0; i < _pages.Count; i++)
        {
            var content = new MemoryStream();
            foreach (var (x, y, size, bold, text) in _pages[i])
            {
                content.Write(Ascii($"BT /{(bold ? "F2" : "F1")} {N(size)} Tf {N(x)} {N(y)} Td ("));
                content.Write(Escape(text));
                content.Write(Ascii(") Tj ET\n"));
            }

            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {pageIds[i] + 1} 0 R >>"));
            var stream = content.ToArray();
            objects.Add([.. Ascii($"<< /Length {stream.Length} >>\nstream\n"), .. stream, .. Ascii("\nendstream")]);
        }

        var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        pdf.Write(Ascii($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets) pdf.Write(Ascii($"{offset:0000000000} 00000 n \n"));
        pdf.Write(Ascii($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    private static byte[] Escape(string text)
    {
        var bytes = WinAnsi.GetBytes(text);
        var escaped = new List<byte>(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\') escaped.Add((byte)'\\');
            escaped.Add(b);
        }

        return [.. escaped];
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
