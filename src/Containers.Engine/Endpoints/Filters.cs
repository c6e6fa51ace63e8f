using System.Text.Json;

namespace Containers.Engine.Endpoints
{
    /// <summary>The engine's <c>filters</c> query parameter: a JSON map of names to lists of values.</summary>
    public sealed class Filters
    {
        private readonly Dictionary<string, List<string>> _values = new Dictionary<string, List<string>>();

        public bool IsEmpty => _values.Count == 0;

        public Filters Add(string name, string value)
        {
            if (!_values.TryGetValue(name, out List<string>? list))
            {
                list = new List<string>();
                _values[name] = list;
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }

            return this;
        }

        public Filters AddRange(string name, IEnumerable<string> values)
        {
            foreach (string value in values)
            {
                Add(name, value);
            }

            return this;
        }

        public IReadOnlyList<string> this[string name] => _values.TryGetValue(name, out List<string>? list) ? list : new List<string>();

        /// <summary>The JSON the engine reads, or null when there is nothing to filter on.</summary>
        public string? ToJson() => IsEmpty ? null : JsonSerializer.Serialize(_values.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()));
    }
}
