using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace GridEmissions.Core.Tests.Fixtures;

/// <summary>Runs FsCheck properties inside xunit facts: fixed seed (replayable), at least 500 cases, throws on failure.</summary>
internal static class Properties
{
    public const int Cases = 500;

    public static Config Config(int cases = Cases, ulong seed = 20240717) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    public static void Check<T>(Gen<T> gen, Action<T> property, int cases = Cases) =>
        FsCheck.Check.One(Config(cases), Prop.ForAll(Arb.From(gen), property));

    /// <summary>A uniform double in [lo, hi).</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, int.MaxValue).Select(i => lo + ((hi - lo) * (i / (double)int.MaxValue)));

    /// <summary>Log-uniform in [lo, hi] (both positive).</summary>
    public static Gen<double> LogUniform(double lo, double hi) =>
        Uniform(Math.Log(lo), Math.Log(hi)).Select(Math.Exp);
}
