using System.Globalization;
using System.Text.RegularExpressions;
using Containers.Engine.Models;
using Containers.Output;

namespace Containers.Progress
{
    /// <summary>
    /// Turns the engine's pull, push and load messages into Write-Progress: one parent activity for the operation and
    /// one child per layer, each updated only when its status or whole percentage changes (the engine sends hundreds of
    /// messages a second; a console redrawing each one would be slower than the pull), and all of them completed at the
    /// end so nothing is left on screen.
    /// </summary>
    public sealed class LayerProgress
    {
        private static readonly Regex LayerId = new Regex("^[0-9a-f]{12}$", RegexOptions.CultureInvariant);

        private static readonly HashSet<string> DoneStatuses = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Pull complete", "Already exists", "Pushed", "Layer already exists",
        };

        private readonly ICommandOutput _output;
        private readonly int _parentId;
        private readonly string _activity;
        private readonly Dictionary<string, Layer> _layers = new Dictionary<string, Layer>(StringComparer.Ordinal);
        private readonly List<Layer> _order = new List<Layer>();
        private string _parentStatus = "Starting";
        private bool _completed;

        /// <param name="parentActivityId">The operation's activity id; layers take the ids after it.</param>
        /// <param name="activity">What the bar says is happening: "Pulling nginx:1.25".</param>
        public LayerProgress(ICommandOutput output, int parentActivityId, string activity)
        {
            _output = output ?? throw new ArgumentNullException(nameof(output));
            _parentId = parentActivityId;
            _activity = string.IsNullOrEmpty(activity) ? "Working" : activity;
        }

        /// <summary>Layers seen so far.</summary>
        public int LayerCount => _order.Count;

        /// <summary>Layers that reached a final state (pulled, pushed, or already present).</summary>
        public int LayersDone { get; private set; }

        public void Report(JsonMessage message)
        {
            if (_completed || string.IsNullOrEmpty(message.Status))
            {
                return;
            }

            string status = message.Status!.Trim();
            if (message.Id == null || !LayerId.IsMatch(message.Id))
            {
                // "Pulling from library/nginx", "Digest: ...", "Status: Downloaded newer image ...".
                UpdateParent(message.Id == null ? status : message.Id + ": " + status);
                return;
            }

            if (!_layers.TryGetValue(message.Id, out Layer? layer))
            {
                layer = new Layer(message.Id, _parentId + 1 + _order.Count);
                _layers.Add(message.Id, layer);
                _order.Add(layer);
            }

            if (layer.Done)
            {
                return;
            }

            int percent = -1;
            if (message.ProgressDetail?.Total is long total && total > 0 && message.ProgressDetail.Current is long current)
            {
                percent = (int)Math.Max(0, Math.Min(100, current * 100 / total));
            }

            bool done = DoneStatuses.Contains(status) || status.StartsWith("Mounted from", StringComparison.OrdinalIgnoreCase);
            if (done)
            {
                layer.Done = true;
                LayersDone++;
                _output.WriteProgress(new ProgressUpdate(layer.ActivityId, "Layer " + layer.Id, status) { ParentActivityId = _parentId, Completed = true });
                UpdateParent(_parentStatus);
                return;
            }

            if (status == layer.Status && percent == layer.Percent)
            {
                return;
            }

            layer.Status = status;
            layer.Percent = percent;
            _output.WriteProgress(new ProgressUpdate(layer.ActivityId, "Layer " + layer.Id, status)
            {
                ParentActivityId = _parentId,
                PercentComplete = percent,
                CurrentOperation = string.IsNullOrEmpty(message.Progress) ? null : message.Progress,
            });
        }

        /// <summary>Removes every bar this operation put up; call it once the stream has ended, or failed.</summary>
        public void Complete()
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            foreach (Layer layer in _order)
            {
                if (!layer.Done)
                {
                    _output.WriteProgress(new ProgressUpdate(layer.ActivityId, "Layer " + layer.Id, layer.Status ?? "Done") { ParentActivityId = _parentId, Completed = true });
                }
            }

            _output.WriteProgress(new ProgressUpdate(_parentId, _activity, _parentStatus) { Completed = true });
        }

        private void UpdateParent(string status)
        {
            int percent = _order.Count == 0 ? -1 : LayersDone * 100 / _order.Count;
            string shown = _order.Count == 0
                ? status
                : string.Format(CultureInfo.InvariantCulture, "{0} of {1} layers done", LayersDone, _order.Count) + (status.Length > 0 ? " - " + status : string.Empty);
            _parentStatus = status;
            _output.WriteProgress(new ProgressUpdate(_parentId, _activity, shown) { PercentComplete = percent });
        }

        private sealed class Layer
        {
            public Layer(string id, int activityId)
            {
                Id = id;
                ActivityId = activityId;
            }

            public string Id { get; }

            public int ActivityId { get; }

            public string? Status { get; set; }

            public int Percent { get; set; } = -1;

            public bool Done { get; set; }
        }
    }
}
