using System.Text;

namespace Containers.Compose
{
    /// <summary>
    /// A project name as compose normalises it: lowercase, only letters, digits, '_' and '-' kept, and no '_' or '-'
    /// at the start (so "My App.v2" is "myappv2"), since it becomes part of container, network and volume names.
    /// </summary>
    public static class ComposeProjectName
    {
        public static string Normalize(string name)
        {
            var kept = new StringBuilder(name.Length);
            foreach (char c in name.ToLowerInvariant())
            {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
                {
                    kept.Append(c);
                }
            }

            return kept.ToString().TrimStart('_', '-');
        }
    }
}
