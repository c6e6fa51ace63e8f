namespace Containers.Bench
{
    /// <summary>How a row is judged: ours against the bare round trip, against the CLI, or not at all (figures for information).</summary>
    internal enum TargetKind
    {
        None,
        Bare,
        Cli,
    }

    /// <summary>One line of the results table: medians in milliseconds (null where a column does not apply) and the target.</summary>
    internal sealed record ResultRow(string Operation, double? Ours, double? Bare, double? Cli, TargetKind Target, double TargetRatio)
    {
        public double? OursOverBare => Ours is double ours && Bare is double bare && bare > 0 ? ours / bare : null;

        public double? OursOverCli => Ours is double ours && Cli is double cli && cli > 0 ? ours / cli : null;

        public string TargetText => Target switch
        {
            TargetKind.Bare => $"<= {TargetRatio:0.0#}x bare",
            TargetKind.Cli => $"<= {TargetRatio:0.0#}x CLI",
            _ => "(info)",
        };

        public bool? Met => Target switch
        {
            TargetKind.Bare => OursOverBare <= TargetRatio,
            TargetKind.Cli => OursOverCli <= TargetRatio,
            _ => null,
        };
    }
}
