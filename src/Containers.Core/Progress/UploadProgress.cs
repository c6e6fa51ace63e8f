using System.Diagnostics;
using System.Globalization;
using Containers.Output;
using Containers.Text;

namespace Containers.Progress
{
    /// <summary>
    /// A Write-Progress bar for bytes sent whose total is not known in advance (a build context is archived while it is
    /// sent): redrawn at most every <see cref="Interval"/>, and completed once at the end so it leaves nothing on screen.
    /// Reports may come from the thread that sends the request; the output carries them to the right thread.
    /// </summary>
    public sealed class UploadProgress
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly object _gate = new object();
        private readonly ICommandOutput _output;
        private readonly int _activityId;
        private readonly int _parentActivityId;
        private readonly string _activity;
        private readonly Stopwatch _sinceReport = new Stopwatch();
        private long _bytes;
        private int _items;
        private bool _reported;
        private bool _completed;

        /// <param name="activity">What the bar says is happening: "Sending the build context to engine".</param>
        public UploadProgress(ICommandOutput output, int activityId, int parentActivityId, string activity)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _activityId = activityId;
            _parentActivityId = parentActivityId;
            _activity = activity;
        }

        /// <summary>Bytes sent so far, as last reported.</summary>
        public long Bytes
        {
            get
            {
                lock (_gate)
                {
                    return _bytes;
                }
            }
        }

        /// <summary>Records how far the upload has got; draws the bar when it has not been drawn for a while.</summary>
        public void Report(long bytesSent, int itemsSent)
        {
            lock (_gate)
            {
                if (_completed)
                {
                    return;
                }

                _bytes = bytesSent;
                _items = itemsSent;
                if (_reported && _sinceReport.Elapsed < Interval)
                {
                    return;
                }

                _reported = true;
                _sinceReport.Restart();
                _output.WriteProgress(new ProgressUpdate(_activityId, _activity, Describe()) { ParentActivityId = _parentActivityId });
            }
        }

        /// <summary>Removes the bar, saying how much was sent; once only, so a failed upload can call it too.</summary>
        public void Complete()
        {
            lock (_gate)
            {
                if (_completed)
                {
                    return;
                }

                _completed = true;
                _output.WriteProgress(new ProgressUpdate(_activityId, _activity, Describe()) { ParentActivityId = _parentActivityId, PercentComplete = 100, Completed = true });
            }
        }

        private string Describe() =>
            ByteSize.Format(_bytes) + " sent (" + _items.ToString("N0", CultureInfo.InvariantCulture) + (_items == 1 ? " file or folder)" : " files and folders)");
    }
}
