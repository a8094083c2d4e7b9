public enum RLApp {}
