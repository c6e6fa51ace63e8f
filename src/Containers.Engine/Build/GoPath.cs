using System.Text;

namespace Containers.Engine.Build
{
    /// <summary>
    /// Go's <c>path.Clean</c> for '/'-separated paths: the docker CLI cleans every .dockerignore pattern with it, so a
    /// pattern means here what it means there ("./a//b/../c" is "a/c"; "" is ".").
    /// </summary>
    internal static class GoPath
    {
        public static string Clean(string path)
        {
            if (path.Length == 0)
            {
                return ".";
            }

            bool rooted = path[0] == '/';
            var parts = new List<string>();
            foreach (string part in path.Split('/'))
            {
                if (part.Length == 0 || part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    if (parts.Count > 0 && parts[parts.Count - 1] != "..")
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                    else if (!rooted)
                    {
                        parts.Add(part); // a relative path may climb above its start; a rooted one stops at /
                    }

                    continue;
                }

                parts.Add(part);
            }

            var cleaned = new StringBuilder(rooted ? "/" : string.Empty);
            cleaned.Append(string.Join("/", parts));
            return cleaned.Length == 0 ? "." : cleaned.ToString();
        }
    }
}
