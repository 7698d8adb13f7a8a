namespace AppDelivery.Aspire.Deploy; internal static class Program { private static int Main() => 0; }
