using System.Runtime.Intrinsics;
namespace RweStats.Estimation;

/// <summary>
/// The few dense operations the likelihood needs on a subject's m×m matrices (m = visits, small), written
/// out on plain arrays so that an evaluation allocates little and its cost is visible. Larger p×p algebra
/// uses Math.NET Numerics.
/// </summary>
internal static class SmallDense
{
    /// <summary>
    /// y += a x, element by element, several elements per instruction. Each element is the same
    /// multiply then add as the scalar loop (no fused multiply-add, no reordering), so the results are bit for bit those
    /// of the loop; used where the pattern sums are weighted block by block ((p+1)² numbers at a time).
    /// Compiled optimised at its first call: vector code is not precompiled (ReadyToRun), and the unoptimised first tier
    /// of this loop, which runs millions of times in the first fit of a large cohort, is about ten times slower (measured
    /// in `rwestats fit` on 10^6 × 10: 0.4 s of the fit's 0.9 s).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = Math.Min(x.Length, y.Length), i = 0;
        // Loads and stores at offsets from the spans' first elements (no slice per step: the blocks here are short, a few
        // rows of (p+1) numbers, and the slicing's checks cost as much as the arithmetic). Eight doubles at a time where
        // the processor has 512-bit vectors, then four, then two, then one.
        ref double x0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
        ref double y0 = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(y);
        if (Vector512.IsHardwareAccelerated)
        {
            var va = Vector512.Create(a);
            for (; i <= n - 8; i += 8)
                (Vector512.LoadUnsafe(ref y0, (nuint)i) + va * Vector512.LoadUnsafe(ref x0, (nuint)i)).StoreUnsafe(ref y0, (nuint)i);
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(a);
            for (; i <= n - 4; i += 4)
                (Vector256.LoadUnsafe(ref y0, (nuint)i) + va * Vector256.LoadUnsafe(ref x0, (nuint)i)).StoreUnsafe(ref y0, (nuint)i);
        }
        if (Vector128.IsHardwareAccelerated)
        {
            // (The native build's x86-64-v2 baseline has 128-bit vectors only.)
            var va = Vector128.Create(a);
            for (; i <= n - 2; i += 2)
                (Vector128.LoadUnsafe(ref y0, (nuint)i) + va * Vector128.LoadUnsafe(ref x0, (nuint)i)).StoreUnsafe(ref y0, (nuint)i);
        }
        for (; i < n; i++) System.Runtime.CompilerServices.Unsafe.Add(ref y0, i) += a * System.Runtime.CompilerServices.Unsafe.Add(ref x0, i);
    }

    /// <summary>
    /// In-place inverse of a symmetric positive definite matrix via Cholesky; returns log|A|, or NaN if A is not PD.
    /// l and li are m×m scratch (the Cholesky factor and its inverse), so that the call does not allocate.
    /// </summary>
    public static double InvertSpd(double[,] a, double[,] l, double[,] li)
    {
        int m = a.GetLength(0);
        double logdet = 0;
        for (int j = 0; j < m; j++)
        {
            double d = a[j, j];
            for (int k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 0) || !double.IsFinite(d)) return double.NaN;
            l[j, j] = Math.Sqrt(d);
            logdet += Math.Log(d);
            for (int i = j + 1; i < m; i++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        // Inverse of L (lower), then A⁻¹ = L⁻ᵀ L⁻¹. The inverse is kept transposed (li[j, k] = (L⁻¹)_kj), so that every
        // inner sum runs along rows, contiguous in memory: read down the columns, a 1000×1000 matrix missed the cache at
        // every term (most of an AR(1) fit over 1000 visits). The terms and their order are those of the column form.
        for (int j = 0; j < m; j++)
        {
            var inverseColumn = Row(li, j);
            inverseColumn[j] = 1 / l[j, j];
            for (int i = j + 1; i < m; i++)
            {
                var lRow = Row(l, i);
                double s = 0;
                for (int k = j; k < i; k++) s -= lRow[k] * inverseColumn[k];
                inverseColumn[i] = s / l[i, i];
            }
        }
        for (int i = 0; i < m; i++)
        {
            var columnI = Row(li, i);
            for (int j = 0; j <= i; j++)
            {
                var columnJ = Row(li, j);
                double s = 0;
                for (int k = i; k < m; k++) s += columnI[k] * columnJ[k];
                a[i, j] = a[j, i] = s;
            }
        }
        return logdet;
    }

    /// <summary>Whether every value is finite (no NaN, no infinity): a NaN's or an infinity's exponent bits are all ones.
    /// Two values at a time; the data checked (a chunk's column, a pattern's weights) usually have none.</summary>
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        var exponent = Vector128.Create(0x7FF0_0000_0000_0000UL);
        var seen = Vector128<ulong>.Zero;
        ref ulong bits = ref System.Runtime.CompilerServices.Unsafe.As<double, ulong>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values));
        int i = 0;
        for (; i <= values.Length - 2; i += 2)
            seen |= Vector128.Equals(Vector128.LoadUnsafe(ref bits, (nuint)i) & exponent, exponent);
        for (; i < values.Length; i++)
            if (!double.IsFinite(values[i])) return false;
        return seen == Vector128<ulong>.Zero;
    }

    /// <summary><see cref="AllFinite(ReadOnlySpan{double})"/> of a matrix's entries.</summary>
    public static bool AllFinite(double[,] a) =>
        a.Length == 0 || AllFinite(System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(ref a[0, 0], a.Length));

    /// <summary>Row i of a matrix as a span (a 2-D array is stored row by row).</summary>
    static Span<double> Row(double[,] a, int i) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref a[i, 0], a.GetLength(1));

    /// <summary>into = A B (into must not be A or B): rows of B added to rows of the result, several elements an
    /// instruction (<see cref="MultiplyAdd"/>: bit for bit the scalar sums), the zeros of A skipped.</summary>
    public static void Multiply(double[,] a, double[,] b, double[,] into)
    {
        int n = a.GetLength(0), k = a.GetLength(1);
        Array.Clear(into);
        for (int i = 0; i < n; i++)
        {
            var target = Row(into, i);
            for (int t = 0; t < k; t++)
            {
                double v = a[i, t];
                if (v == 0) continue;
                MultiplyAdd(v, Row(b, t), target);
            }
        }
    }

    /// <summary>tr(A B) for square matrices of the same size (zeros of A skipped: A is often a sparse ∂V/∂θ).</summary>
    public static double TraceOfProduct(double[,] a, double[,] b)
    {
        int m = a.GetLength(0);
        double s = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                double v = a[i, j];
                if (v != 0) s += v * b[j, i];
            }
        return s;
    }

    /// <summary>
    /// into = A D A for symmetric A, D also given by its non-zero entries: Σ_(t,j) D_tj A[:,t] A[j,:] costs nnz(D) m²,
    /// less than the two products (2 m³) when D has fewer than 2m non-zeros (the UN derivatives have one or two).
    /// </summary>
    public static void Sandwich(double[,] a, double[,] d, ReadOnlySpan<(int row, int column, double value)> dEntries, double[,] into, double[,] temp)
    {
        int m = a.GetLength(0);
        if (dEntries.Length >= 2 * m)
        {
            Multiply(a, d, temp);
            Multiply(temp, a, into);
            return;
        }
        Array.Clear(into);
        foreach (var (t, j, v) in dEntries)
            for (int i = 0; i < m; i++)
            {
                double left = v * a[i, t];
                if (left == 0) continue;
                for (int s = 0; s < m; s++) into[i, s] += left * a[j, s];
            }
    }

    /// <summary>Writes the non-zero entries (row, column, value) of A, row by row, into entries; returns how many.</summary>
    public static int NonZeroEntries(double[,] a, (int row, int column, double value)[] entries)
    {
        int count = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                if (a[i, j] != 0) entries[count++] = (i, j, a[i, j]);
        return count;
    }

    /// <summary>tr(A B) with A given by its non-zero entries.</summary>
    public static double TraceOfProduct(ReadOnlySpan<(int row, int column, double value)> a, double[,] b)
    {
        double s = 0;
        foreach (var (i, j, v) in a) s += v * b[j, i];
        return s;
    }
}
