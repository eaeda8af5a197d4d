# gnuplot -e "out='plot.png'; dat='plot.dat'; body='fault'" plot.gp
set terminal pngcairo size 900,560 noenhanced
set output out
set title sprintf("XSC, %s entry body: ns per call against SQEs per entry", body)
set xlabel "SQEs per entry (batch size)"
set ylabel "ns per call (median)"
set logscale x 2
set xtics (1, 8, 32, 128)
set xrange [0.8:160]
set yrange [0:*]
set key outside right
set grid
plot for [i=2:7] dat using 1:i with linespoints lw 2 title columnhead(i)
