namespace RweStats.Bench;

/// <summary>The floor of reading a file: its bytes read in 8 MB chunks on all cores and its line ends counted (no parsing).</summary>
public static class Phases
{
    public static long CountLines(string path)
    {
        using var handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle), total = 0;
        const int Chunk = 8 << 20;
        int chunks = (int)((length + Chunk - 1) / Chunk);
        Parallel.For(0, chunks, () => (buffer: new byte[1 << 20], lines: 0L), (k, _, state) =>
        {
            long from = (long)k * Chunk, to = Math.Min(length, from + Chunk);
            for (long at = from; at < to;)
            {
                int read = RandomAccess.Read(handle, state.buffer.AsSpan(0, (int)Math.Min(state.buffer.Length, to - at)), at);
                if (read <= 0) break;
                state.lines += state.buffer.AsSpan(0, read).Count((byte)'\n');
                at += read;
            }
            return state;
        }, state => Interlocked.Add(ref total, state.lines));
        return total;
    }
}
