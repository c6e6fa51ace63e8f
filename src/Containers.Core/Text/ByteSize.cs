using System.Globalization;

namespace Containers.Text
{
    /// <summary>Sizes as the docker CLI prints them: decimal units, three significant digits ("1.23GB", "512kB").</summary>
    public static class ByteSize
    {
        private static readonly string[] Units = { "B", "kB", "MB", "GB", "TB", "PB" };

        public static string Format(long bytes)
        {
            double value = bytes;
            int unit = 0;
            while (value >= 1000 && unit < Units.Length - 1)
            {
                value /= 1000;
                unit++;
            }

            string number = value < 10 ? value.ToString("0.##", CultureInfo.InvariantCulture)
                : value < 100 ? value.ToString("0.#", CultureInfo.InvariantCulture)
                : value.ToString("0", CultureInfo.InvariantCulture);
            return number + Units[unit];
        }

        /// <summary>
        /// As the docker CLI's HumanSize prints sizes with <paramref name="significantDigits"/> digits (Go's <c>%.4g</c>
        /// for docker system df: "4.26MB", "1.235GB", "0B").
        /// </summary>
        public static string Format(long bytes, int significantDigits)
        {
            double value = bytes;
            int unit = 0;
            while (value >= 1000 && unit < Units.Length - 1)
            {
                value /= 1000;
                unit++;
            }

            // .NET's G format rounds to significant digits and drops trailing zeros as Go's %g does; below 1000 neither
            // switches to an exponent for 3 digits or more.
            return value.ToString("G" + significantDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + Units[unit];
        }

        private static readonly string[] BinaryUnits = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

        /// <summary>Sizes in binary units with four significant digits ("1.944GiB", "64MiB"), as docker stats prints memory.</summary>
        public static string FormatBinary(long bytes)
        {
            double value = bytes;
            int unit = 0;
            while (value >= 1024 && unit < BinaryUnits.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return value.ToString("G4", CultureInfo.InvariantCulture) + BinaryUnits[unit];
        }
    }
}
