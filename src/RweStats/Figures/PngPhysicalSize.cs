using System.Buffers.Binary;

namespace RweStats.Figures;

/// <summary>
/// Writes the resolution into a PNG (the pHYs chunk, pixels per metre; PNG specification 1.2, section 4.2.4.2),
/// so that a journal's upload checker and an image editor read the figure as, e.g., 300 dpi at its physical size.
/// </summary>
internal static class PngPhysicalSize
{
    static ReadOnlySpan<byte> Signature => new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 };

    public static byte[] WithDpi(byte[] png, int dpi)
    {
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(Signature)) throw new ArgumentException("not a PNG file", nameof(png));
        // The IHDR chunk comes first (8 + 4 + 4 + 13 + 4 = 33 bytes); pHYs must come before the image data.
        uint ppm = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), ppm);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), ppm);
        chunk[16] = 1; // unit: metre
        // The chunk's CRC-32 (ISO 3309; PNG specification, annex D) over its type and data.
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), System.IO.Hashing.Crc32.HashToUInt32(chunk.AsSpan(4, 13)));
        var result = new byte[png.Length + chunk.Length];
        png.AsSpan(0, 33).CopyTo(result);
        chunk.CopyTo(result, 33);
        png.AsSpan(33).CopyTo(result.AsSpan(33 + chunk.Length));
        return result;
    }
}
