namespace AppDelivery.Aspire.LocalServers; public static class Placeholder;
