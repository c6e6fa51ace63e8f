using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Containers.Output;

namespace Containers.Commands.Images
{
    /// <summary>
    /// A build's output text (the <c>stream</c> of its messages, cut wherever the engine cut it) as whole lines on the
    /// Information stream, tagged <see cref="InformationTag"/> so <c>-InformationAction Continue</c> shows them; and each
    /// "Step N/M : ..." line as the status of the build's progress bar, completed at the end.
    /// </summary>
    internal sealed class BuildOutput
    {
        /// <summary>The tag every build line carries (filter with <c>$info | Where-Object Tags -contains 'Build'</c>).</summary>
        public const string InformationTag = "Build";

        private static readonly Regex StepLine = new Regex(@"^Step (\d+)/(\d+) : ", RegexOptions.CultureInvariant);

        private readonly ICommandOutput _output;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly StringBuilder _partial = new StringBuilder();
        private bool _shown;
        private bool _completed;

        public BuildOutput(ICommandOutput output, int activityId, string activity)
        {
            _output = output;
            _activityId = activityId;
            _activity = activity;
        }

        /// <summary>Lines written so far.</summary>
        public int LineCount { get; private set; }

        public void Write(string text)
        {
            _partial.Append(text);
            string buffered = _partial.ToString();
            int end = buffered.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            _partial.Remove(0, end + 1);
            foreach (string line in buffered.Substring(0, end).Split('\n'))
            {
                WriteLine(line.TrimEnd('\r'));
            }
        }

        /// <summary>Writes what is left of an unfinished line and removes the progress bar; once only.</summary>
        public void Complete()
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (_partial.Length > 0)
            {
                WriteLine(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
            }

            if (_shown)
            {
                _output.WriteProgress(new ProgressUpdate(_activityId, _activity, "Done") { Completed = true });
            }
        }

        private void WriteLine(string line)
        {
            LineCount++;
            _output.WriteInformation(line, InformationTag);
            Match step = StepLine.Match(line);
            if (step.Success)
            {
                int number = int.Parse(step.Groups[1].Value, CultureInfo.InvariantCulture);
                int count = Math.Max(1, int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture));
                _shown = true;
                _output.WriteProgress(new ProgressUpdate(_activityId, _activity, line)
                {
                    PercentComplete = Math.Max(0, Math.Min(100, (number - 1) * 100 / count)),
                });
            }
        }
    }
}
