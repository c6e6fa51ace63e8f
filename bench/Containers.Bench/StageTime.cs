namespace Containers.Bench
{
    /// <summary>One line of the breakdown: how long one stage of one operation takes, to see where ours spends its time.</summary>
    internal sealed record StageTime(string Operation, string Stage, double Milliseconds);
}
