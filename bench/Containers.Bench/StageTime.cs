namespace Containers.Bench
{
    /// <summary>
    /// One line of the breakdown: how long one stage of one operation takes, to see where ours spends its time.
    /// <see cref="Text"/>, when set, is shown instead of the milliseconds (a series of rounds, a rate).
    /// </summary>
    internal sealed record StageTime(string Operation, string Stage, double Milliseconds)
    {
        public string? Text { get; init; }
    }
}
