namespace Containers.Output
{
    /// <summary>One Write-Progress record, without PowerShell's type.</summary>
    public sealed class ProgressUpdate
    {
        public ProgressUpdate(int activityId, string activity, string status)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
        }

        public int ActivityId { get; }

        public int ParentActivityId { get; set; } = -1;

        public string Activity { get; }

        public string Status { get; }

        public string? CurrentOperation { get; set; }

        /// <summary>0 to 100, or -1 when unknown.</summary>
        public int PercentComplete { get; set; } = -1;

        public int SecondsRemaining { get; set; } = -1;

        /// <summary>True for the record that removes the bar.</summary>
        public bool Completed { get; set; }
    }
}
