using SkiaSharp;

namespace GridEmissions.Rendering;

/// <summary>Loads libSkiaSharp once and turns a missing native library into <see cref="NativeLibraryMissingException"/>.</summary>
internal static class SkiaLibrary
{
    private static readonly Lock Gate = new();
    private static bool loaded;

    /// <summary>Checks that Skia's native library loads (a tiny raster surface is created and dropped).</summary>
    internal static void EnsureLoaded()
    {
        if (loaded)
        {
            return;
        }

        lock (Gate)
        {
            try
            {
                using SKSurface? probe = SKSurface.Create(new SKImageInfo(1, 1, SKColorType.Bgra8888, SKAlphaType.Premul));
                if (probe is null)
                {
                    throw new RenderException("Skia could not create a 1 x 1 raster surface");
                }
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
            {
                throw new NativeLibraryMissingException("libSkiaSharp", "the NuGet package SkiaSharp.NativeAssets.Linux.NoDependencies", e);
            }

            loaded = true;
        }
    }
}
