grammar Flow;

// Placeholder: the full grammar replaces this.
program : EOF ;
WS : [ \t\r\n]+ -> skip ;
