namespace Containers.Engine.Registries
{
    /// <summary>
    /// The <c>Link: &lt;/v2/app/tags/list?last=b&amp;n=2&gt;; rel="next"</c> header a registry pages its lists with
    /// (RFC 8288, as the distribution spec uses it).
    /// </summary>
    internal static class RegistryLinkHeader
    {
        /// <summary>The next page's address, resolved against the page that named it; null on the last page.</summary>
        public static Uri? Next(HttpResponseMessage answer, Uri current)
        {
            if (!answer.Headers.TryGetValues("Link", out IEnumerable<string>? values))
            {
                return null;
            }

            foreach (string header in values)
            {
                foreach (string link in header.Split(','))
                {
                    Uri? next = ParseNext(link, current);
                    if (next != null)
                    {
                        return next;
                    }
                }
            }

            return null;
        }

        private static Uri? ParseNext(string link, Uri current)
        {
            string text = link.Trim();
            int open = text.IndexOf('<');
            int close = text.IndexOf('>');
            if (open != 0 || close < 0)
            {
                return null;
            }

            bool isNext = false;
            foreach (string parameter in text.Substring(close + 1).Split(';'))
            {
                string[] pair = parameter.Split(new[] { '=' }, 2);
                if (pair.Length == 2 && pair[0].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (string relation in pair[1].Trim().Trim('"').Split(' '))
                    {
                        isNext |= relation.Equals("next", StringComparison.OrdinalIgnoreCase);
                    }
                }
            }

            string target = text.Substring(1, close - 1).Trim();
            return isNext && Uri.TryCreate(current, target, out Uri? resolved) ? resolved : null;
        }
    }
}
